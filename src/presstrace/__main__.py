from presstrace.cli import main

main()
