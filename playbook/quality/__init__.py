"""The content bar beyond the schema: references, cited sources, and no copied or closely paraphrased prose."""
