namespace CommunityModel;

/// <summary>Thrown when an allocation cannot be made: no weights, a negative weight, all weights zero, or no parts.</summary>
public sealed class InvalidAllocationException : CommunityModelException
{
    /// <summary>Creates the error with a message that names the offending weight or count.</summary>
    /// <param name="message">What was wrong with the weights or the part count.</param>
    public InvalidAllocationException(string message)
        : base(ErrorCodes.InvalidAllocation, message)
    {
    }
}
