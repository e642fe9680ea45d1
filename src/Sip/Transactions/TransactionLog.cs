using Microsoft.Extensions.Logging;

namespace Signalling.Sip.Transactions;

/// <summary>Log messages of the transaction layer (source-generated).</summary>
internal static partial class TransactionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Transaction} {Branch}: {Trigger} has no transition in state {State}; ignored")]
    public static partial void Unhandled(ILogger logger, string transaction, string branch, string trigger, string state);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Transaction} {Branch}: {From} -> {To} on {Trigger}")]
    public static partial void Transitioned(ILogger logger, string transaction, string branch, string from, string to, string trigger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Transport error for a message that matches no transaction (to {Destination})")]
    public static partial void UnmatchedTransportError(ILogger logger, SipHop destination);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "{Transaction} {Branch}: a turn of the state machine threw; the transaction keeps its state")]
    public static partial void TurnThrew(ILogger logger, Exception exception, string transaction, string branch);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "The transaction user threw from {Callback}")]
    public static partial void UserThrew(ILogger logger, Exception exception, string callback);
}
