# Run as -c CMD with arguments (cli_command.args).
