using CommunityModel.Calendar;
using CommunityModel.Campaigns;

namespace CommunityModel.Demo.Tests;

/// <summary>The demo year's operating rhythm: classes from the lead groups, the work pipeline, the last month's calendar reviewed.</summary>
public class OperatingRhythmTests
{
    private static readonly DemoOptions Small = new() { Members = 1_200, Months = 6, Seed = 5 };
    private static readonly Lazy<YearReport> Year = new(() => CommunityYear.Run(Small));

    [Fact]
    public void Every_class_has_its_four_plays_and_each_marketing_class_is_the_months_public_class()
    {
        var review = Year.Value.Calendar!;

        Assert.Equal(review.Plan.Groups.Length * 4, review.Plan.Activities.Length);
        Assert.All(review.Plan.Groups, g => Assert.Equal(
            [PlayKind.Survey, PlayKind.MarketingClass, PlayKind.Bootcamp, PlayKind.FlashSale],
            review.Plan.Activities.Where(a => a.GroupId == g).Select(a => a.Kind)));
        var classes = review.Activities.Where(o => o.Activity.Kind == PlayKind.MarketingClass).ToList();
        Assert.Contains(classes, o => o.Attendees > 0);
        Assert.All(classes, o => Assert.InRange(o.Participation.Fraction, 0m, 1m));
        Assert.All(classes, o => Assert.InRange(o.Leads, 0, o.Attendees));
        Assert.Equal(review.Activities.Length, review.ByConversion.Length);
    }

    [Fact]
    public void Fans_have_their_care_team_and_their_orders_carry_it()
    {
        var care = Year.Value.CareTeams!;

        Assert.True(care.Customers > 0);
        Assert.True(care.Orders > 0);
        Assert.True(care.Revenue.IsPositive);
    }

    [Fact]
    public void The_same_options_give_the_same_review()
    {
        var again = CommunityYear.Run(Small);

        Assert.True(Year.Value.Calendar!.Activities.SequenceEqual(again.Calendar!.Activities));
        Assert.Equal(Year.Value.CareTeams, again.CareTeams);
        Assert.Equal(Year.Value.Calendar.Conflicts.Length, again.Calendar.Conflicts.Length);
    }
}
