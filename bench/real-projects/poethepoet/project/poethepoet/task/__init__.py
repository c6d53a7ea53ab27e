from .cmd import CmdTask
from .expr import ExprTask
from .parallel import ParallelTask
from .ref import RefTask
from .script import ScriptTask
from .sequence import SequenceTask
from .shell import ShellTask
from .switch import SwitchTask

__all__ = [
    "CmdTask",
    "ExprTask",
    "ParallelTask",
    "RefTask",
    "ScriptTask",
    "SequenceTask",
    "ShellTask",
    "SwitchTask",
]
