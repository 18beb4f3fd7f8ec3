packag bad
