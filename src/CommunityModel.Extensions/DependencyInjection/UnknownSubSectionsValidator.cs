using Microsoft.Extensions.Configuration;

namespace CommunityModel.DependencyInjection;

/// <summary>
/// Fails start-up on a sub-section of the CommunityModel section that no part reads (<c>Community:Memberhsips</c>
/// would leave memberships unregistered without a word), naming the nearest part. The keys inside each part are
/// checked by that part's own <see cref="UnknownKeysValidator{TOptions}"/>.
/// </summary>
/// <param name="section">The CommunityModel section.</param>
/// <param name="subSections">The sections of its parts.</param>
internal sealed class UnknownSubSectionsValidator(IConfiguration section, IEnumerable<string> subSections)
    : UnknownKeysValidator<CommunityOptions>(section, static () => new CommunityOptions(), static (_, _) => { }, subSections);
