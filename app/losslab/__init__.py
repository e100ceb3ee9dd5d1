"""LossLab: learn loss functions by playing with them."""

__version__ = "0.1.0"
