using System.Text.Json;
using CommunityModel.Campaigns;
using CommunityModel.Tests.Community;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Campaigns;

/// <summary>The seed community on a fake clock with members 1..n registered, for the campaign plays.</summary>
internal static class PlayFixture
{
    public static readonly DateTimeOffset Start = TestCommunity.Start;

    public static CampaignOptions Options(bool simulated = false) => new() { AllowSimulatedCompletion = simulated };

    public static CommunityModel.Community Community(FakeTimeProvider clock, int members)
    {
        var community = TestCommunity.Create(clock);
        for (var i = 1; i <= members; i++)
        {
            community.Execute(new RegisterMember(i));
        }

        return community;
    }

    /// <summary>A state as JSON (reflection-based, in tests only), so replayed and live states compare by value.</summary>
    public static string Json(object state) => JsonSerializer.Serialize(state, state.GetType());

    public static T Refused<T>(Func<object> request, string code)
        where T : CommunityModelException
    {
        var error = Assert.Throws<T>(() => request());
        Assert.Equal(code, error.ErrorCode);
        return error;
    }
}
