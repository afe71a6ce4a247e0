from assistant.cli import main

if __name__ == "__main__":  # not when a triage process (spawn) imports it as __mp_main__
    raise SystemExit(main())
