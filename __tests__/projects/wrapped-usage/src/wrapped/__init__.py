"""Three front ends (argparse, click, rich-click) over one sync planner, each with a long usage line."""
__version__ = "0.1.0"
