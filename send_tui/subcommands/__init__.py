"""One module per `send-tui` sub-command.

Each public module here defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int`` (0 done, 1 a content or lookup failure, 2 a usage error). ``cli.py`` finds
them, so adding a command means adding a module, not editing the dispatcher. Heavy imports go
inside ``run`` so that ``send-tui --help`` stays quick.
"""
