import sys

if __name__ == "__main__":
    from poethepoet import main

    sys.exit(main())
