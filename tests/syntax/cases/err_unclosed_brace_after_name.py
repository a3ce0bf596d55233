a{
