"""Small helpers shared by several stages (no stage-specific logic here)."""
