using Microsoft.Extensions.Logging;

namespace Affiliates.AspNetCore;

/// <summary>The web package's log messages; event ids 1800–1899.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1800, Level = LogLevel.Warning, Message = "A referral click for registry {RegistryId} took longer than {Timeout}; the page went on without it and the click was dropped")]
    public static partial void ClickTimedOut(ILogger logger, string registryId, TimeSpan timeout);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Error, Message = "Recording a referral click for registry {RegistryId} failed; the page went on without it")]
    public static partial void ClickFailed(ILogger logger, string registryId, Exception exception);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Warning, Message = "A conversion for registry {RegistryId} lost three races to other writers of the same binding")]
    public static partial void ConversionConflicted(ILogger logger, string registryId);
}
