"""Frontend: source reading, syntax errors, scoping and reformulation."""
