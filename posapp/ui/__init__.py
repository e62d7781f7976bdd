"""Qt widgets: windows, screens, models and dialogs. Knows services only by their interfaces."""
