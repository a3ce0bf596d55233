f = lambda /,a: None
