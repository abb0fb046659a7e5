"""Plain functions that change the database; they add and flush, the caller commits once."""
