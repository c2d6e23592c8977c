"""Qt-free business rules: entities' invariants, the job status machine, money, typed errors."""
