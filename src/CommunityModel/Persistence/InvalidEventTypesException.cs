using System.Collections.Immutable;

namespace CommunityModel.Persistence;

/// <summary>
/// An event-type list cannot make an <see cref="EventTypeRegistry"/>: a name or a type appears twice, a name is not a
/// stable versioned name, or a type is not an event. Code <see cref="ErrorCodes.InvalidEventTypes"/>.
/// </summary>
public sealed class InvalidEventTypesException : CommunityModelException
{
    /// <summary>Creates the error listing every problem.</summary>
    /// <param name="problems">What is wrong, one entry per problem.</param>
    public InvalidEventTypesException(IEnumerable<string> problems)
        : this([.. problems ?? throw new ArgumentNullException(nameof(problems))])
    {
    }

    private InvalidEventTypesException(ImmutableArray<string> problems)
        : base(ErrorCodes.InvalidEventTypes, $"The event types cannot be registered: {string.Join("; ", problems)}.") => Problems = problems;

    /// <summary>Every problem found.</summary>
    public ImmutableArray<string> Problems { get; }
}
