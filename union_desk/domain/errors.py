"""Errors raised by the pure rules."""


class RuleError(ValueError):
    """A value breaks a rule; the message is Chinese and meant for the clerk."""
