"""The parts room: the parts page, the part editor and changes to parts.

The parts page, the editor for one part, the undoable part commands and the dialogs for merging and
splitting parts, with the item models only they use.
"""
