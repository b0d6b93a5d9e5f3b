"""Stage 2a: the route network, the linear program, dependency metrics, scenarios and network checks."""
