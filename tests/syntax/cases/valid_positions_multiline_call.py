result = function(
    arg1,
    arg2,
    key=value,
)
