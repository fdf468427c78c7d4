namespace CommunityModel.Demo.Tests;

public class DemoCommandTests
{
    [Fact]
    public void No_arguments_run_the_default_year()
    {
        var parsed = DemoCommand.Parse([]);
        Assert.Null(parsed.ErrorMessage);
        Assert.False(parsed.ShowHelp);
        Assert.Equal(new DemoOptions(), parsed.Options);
        Assert.Equal((3000, 12, 7), (parsed.Options!.Members, parsed.Options.Months, parsed.Options.Seed));
    }

    [Fact]
    public void Every_option_is_read_with_a_space_or_an_equals_sign()
    {
        var plan = Path.GetTempFileName();
        try
        {
            var parsed = DemoCommand.Parse(["--members", "500", "--months=24", "--seed", "-3", "--plan", plan, "--output=out", "--plain"]);
            Assert.Equal(new DemoOptions { Members = 500, Months = 24, Seed = -3, PlanFile = plan, OutputDirectory = "out", Plain = true }, parsed.Options);
        }
        finally
        {
            File.Delete(plan);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_is_asked_for(string flag)
    {
        var parsed = DemoCommand.Parse(["--members", "20", flag]);
        Assert.True(parsed.ShowHelp);
        Assert.Null(parsed.Options);
    }

    [Theory]
    [InlineData(new[] { "--people" }, "Unrecognized command or argument '--people'.")]
    [InlineData(new[] { "extra" }, "Unrecognized command or argument 'extra'.")]
    [InlineData(new[] { "--members" }, "Required argument missing for option: '--members'.")]
    [InlineData(new[] { "--members", "many" }, "Cannot parse argument 'many' for option '--members' as expected type 'System.Int32'.")]
    [InlineData(new[] { "--members", "1.5" }, "Cannot parse argument '1.5' for option '--members' as expected type 'System.Int32'.")]
    [InlineData(new[] { "--members", "9" }, "Option --members is 9; it must be between 10 and 200,000.")]
    [InlineData(new[] { "--members", "200001" }, "Option --members is 200001; it must be between 10 and 200,000.")]
    [InlineData(new[] { "--months", "0" }, "Option --months is 0; it must be between 1 and 36.")]
    [InlineData(new[] { "--months", "37" }, "Option --months is 37; it must be between 1 and 36.")]
    [InlineData(new[] { "--seed", "99999999999" }, "Cannot parse argument '99999999999' for option '--seed' as expected type 'System.Int32'.")]
    [InlineData(new[] { "--plan", "no-such-plan.json" }, "Option --plan names 'no-such-plan.json', which does not exist.")]
    [InlineData(new[] { "--output", " " }, "Option --output needs a value.")]
    public void Bad_options_are_named(string[] args, string message)
    {
        var parsed = DemoCommand.Parse(args);
        Assert.Null(parsed.Options);
        Assert.False(parsed.ShowHelp);
        Assert.Equal(message, parsed.ErrorMessage);
    }

    [Fact]
    public void Every_bad_option_is_named_at_once()
    {
        var parsed = DemoCommand.Parse(["--members", "9", "--months", "99"]);
        Assert.Equal(["Option --members is 9; it must be between 10 and 200,000.", "Option --months is 99; it must be between 1 and 36."], parsed.ErrorMessage!.Split(Environment.NewLine));
    }

    [Fact]
    public void The_output_directory_is_checked_writable_without_running_anything()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"demo-check-{Guid.NewGuid():N}");
        var file = Path.GetTempFileName();
        try
        {
            Assert.Null(DemoCommand.CannotWrite(directory));
            Assert.Empty(Directory.GetFiles(directory));   // the probe is gone
            Assert.NotNull(DemoCommand.CannotWrite(Path.Combine(file, "below-a-file")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(1, "a month")]
    [InlineData(2, "2 months")]
    [InlineData(12, "a year")]
    [InlineData(18, "18 months")]
    [InlineData(24, "two years")]
    [InlineData(36, "three years")]
    public void Titles_name_the_span_the_options_ask_for(int months, string span) => Assert.Equal(span, DemoOptions.Span(months));
}
