from pasapas.cli import main

raise SystemExit(main())
