"""Forms and questions, each a ModalScreen that dismisses with its result or None."""
