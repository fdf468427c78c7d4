namespace CommunityModel.Demo;

/// <summary>The command line, read: options to run with, a request for help, or an error.</summary>
/// <param name="Options">The options when the demo should run.</param>
/// <param name="ShowHelp">Whether <c>--help</c> was asked for.</param>
/// <param name="ErrorMessage">What was wrong with the command line.</param>
public sealed record DemoArguments(DemoOptions? Options, bool ShowHelp, string? ErrorMessage)
{
    internal static DemoArguments Run(DemoOptions options) => new(options, false, null);

    internal static DemoArguments Help() => new(null, true, null);

    internal static DemoArguments Error(string message) => new(null, false, message);
}
