  File "
