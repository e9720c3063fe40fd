"""MSMEs to Japan: enterprises, products, export readiness, buyers and deals (issue 11)."""
