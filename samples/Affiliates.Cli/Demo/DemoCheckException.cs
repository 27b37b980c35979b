namespace Affiliates.Cli.Demo;

/// <summary>The demo program did not behave as the library promises.</summary>
internal sealed class DemoCheckException(string message) : Exception(message);
