"""The one error type services raise for the clerk."""


class UserError(Exception):
    """Bad input or a refused action; `str(err)` is a message for the clerk, in Chinese."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message
