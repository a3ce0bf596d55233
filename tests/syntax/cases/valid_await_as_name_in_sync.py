def await_(): pass
