namespace Parley.Plots;

/// <summary>A file given to a plot is not what it should be; the message names the file, the element and what was expected.</summary>
public sealed class PlotInputException(string message) : Exception(message);
