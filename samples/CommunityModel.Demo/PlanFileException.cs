namespace CommunityModel.Demo;

/// <summary>A plan file that cannot be used: missing, not JSON, or an invalid plan. The message names the file and every problem.</summary>
public sealed class PlanFileException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="path">The file as given on the command line.</param>
    /// <param name="problem">What is wrong with it.</param>
    public PlanFileException(string path, string problem)
        : base($"Plan file '{path}': {problem}")
    {
        Path = path;
    }

    /// <summary>The file as given on the command line.</summary>
    public string Path { get; }
}
