using Microsoft.Extensions.Options;

namespace CommunityModel.Validation;

/// <summary>
/// Runs an options validator where options arrive without DI (built in code), so a type's constructor fails
/// exactly as start-up validation would: an <see cref="OptionsValidationException"/> naming every bad value.
/// </summary>
internal static class OptionsValidation
{
    public static TOptions Require<TOptions>(TOptions options, IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = validator.Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), result.Failures) : options;
    }
}
