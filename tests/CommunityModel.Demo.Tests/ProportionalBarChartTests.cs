using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Spectre.Console;

namespace CommunityModel.Demo.Tests;

public class ProportionalBarChartTests
{
    [Fact]
    public void The_months_that_drew_out_of_proportion_draw_in_proportion()
    {
        // Spectre's BarChart drew January ¥440,967.68 as 9 blocks, August ¥279,005.91 as 2 and a ¥186,457.61 rule as none.
        var eighths = ProportionalBarChart.Eighths8([440_967.68, 279_005.91, 186_457.61], 40);

        Assert.Equal([320, 202, 135], eighths);   // 40 blocks; 25.3; 16.9
        Assert.Equal("█████████████████████████▎", ProportionalBarChart.Bar(202));
    }

    [Property]
    public Property Every_bar_is_its_value_over_the_largest_to_half_an_eighth_of_a_cell(NonEmptyArray<PositiveInt> values, PositiveInt width)
    {
        var w = width.Get % 80 + 1;
        var v = values.Get.Select(x => (double)x.Get).ToArray();
        var eighths = ProportionalBarChart.Eighths8(v, w);
        var max = v.Max();
        return v.Zip(eighths).All(p => Math.Abs(p.Second / 8.0 - p.First / max * w) <= 1 / 16.0 + 1e-9)
            .Label($"values {string.Join(", ", v)} width {w} → {string.Join(", ", eighths)}");
    }

    [Fact]
    public void Zero_and_negative_values_draw_nothing_and_labels_do_not_shorten_bars()
    {
        Assert.Equal([0, 0, 0], ProportionalBarChart.Eighths8([0, -5, 0], 10));

        using var writer = new StringWriter();
        var console = ReportFiles.PlainConsole(writer);
        console.Write(new ProportionalBarChart("Revenue", 10).Add("a very long label indeed", 100, Color.Green).Add("b", 50, Color.Green));
        var lines = writer.ToString().Split('\n');

        Assert.Equal("Revenue", lines[0].TrimEnd());
        Assert.Equal("a very long label indeed │██████████ 100", lines[1].TrimEnd());
        Assert.Equal("b                        │█████      50", lines[2].TrimEnd());
    }
}
