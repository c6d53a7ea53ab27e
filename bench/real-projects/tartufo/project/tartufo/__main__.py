from tartufo import cli


if __name__ == "__main__":
    cli.main()  # pylint: disable=no-value-for-parameter
