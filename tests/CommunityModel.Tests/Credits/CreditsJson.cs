using System.Text.Json;
using CommunityModel.Credits;
using CommunityModel.Persistence;

namespace CommunityModel.Tests.Credits;

/// <summary>A credits snapshot as stored JSON: two ledgers are in the same state when their snapshots read the same.</summary>
internal static class CreditsJson
{
    public static string Of(CreditsSnapshot snapshot) => JsonSerializer.Serialize(snapshot, CommunityJsonContext.Default.CreditsSnapshot);

    public static CreditsSnapshot Read(string json) => JsonSerializer.Deserialize(json, CommunityJsonContext.Default.CreditsSnapshot)!;
}
