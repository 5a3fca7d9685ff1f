from union_desk.cli import main

raise SystemExit(main())
