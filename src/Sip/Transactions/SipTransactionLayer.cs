using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 §17): matches what the transport receives to transactions
/// through dictionaries keyed as §17.1.3 and §17.2.3 say (with the RFC 2543 fallback), creates
/// server transactions for new requests and hands them to the TU, and starts client transactions
/// for the TU. There is no polling thread and no scan: each transaction owns its timers and
/// leaves the index when it reaches Terminated.
/// </summary>
public sealed class SipTransactionLayer : ISipTransportReceiver
{
    private readonly ConcurrentDictionary<ClientTransactionKey, SipClientTransaction> _client = new();
    private readonly ConcurrentDictionary<ServerTransactionKey, SipServerTransaction> _server = new();
    private readonly ConcurrentDictionary<Rfc2543TransactionKey, SipServerTransaction> _rfc2543 = new();
    private readonly SipTransactionContext _context;
    private readonly ISipTransactionUser _user;
    private readonly ILogger _logger;

    /// <summary>Creates a layer over <paramref name="transport"/> that reports to <paramref name="user"/>.</summary>
    /// <param name="transport">Sends messages; see <see cref="ISipTransactionTransport"/> for its contract.</param>
    /// <param name="user">The TU.</param>
    /// <param name="timeProvider">The clock all timers run on; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="timers">T1, T2, T4 and Timer D; <see cref="SipTimerOptions.Default"/> when null.</param>
    /// <param name="logger">The log; none when null.</param>
    public SipTransactionLayer(ISipTransactionTransport transport, ISipTransactionUser user, TimeProvider? timeProvider = null, SipTimerOptions? timers = null, ILogger<SipTransactionLayer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(user);
        _user = user;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _context = new SipTransactionContext(transport, user, timeProvider ?? TimeProvider.System, timers ?? SipTimerOptions.Default, _logger, Remove);
    }

    /// <summary>The number of client transactions not yet terminated.</summary>
    public int ClientTransactionCount => _client.Count;

    /// <summary>The number of server transactions not yet terminated.</summary>
    public int ServerTransactionCount => _server.Count + _rfc2543.Count;

    /// <summary>
    /// Starts an INVITE client transaction (§17.1.1): sends <paramref name="invite"/> to
    /// <paramref name="destination"/> and runs Figure 5 from Calling.
    /// </summary>
    /// <exception cref="ArgumentException">The request is not an INVITE or its top Via has no RFC 3261 branch (§8.1.1.7).</exception>
    /// <exception cref="InvalidOperationException">A client transaction with the same branch and method is running.</exception>
    public ClientInviteTransaction SendInvite(SipRequest invite, SipHop destination)
    {
        ArgumentNullException.ThrowIfNull(invite);
        if (invite.Method != SipMethod.Invite) throw new ArgumentException("Use SendRequest for methods other than INVITE.", nameof(invite));
        var transaction = new ClientInviteTransaction(invite, destination, _context);
        StartClient(transaction);
        return transaction;
    }

    /// <summary>
    /// Starts a non-INVITE client transaction (§17.1.2), e.g. for BYE, REGISTER, OPTIONS or a
    /// CANCEL (which carries its INVITE's branch, §9.1). ACK is not a transaction: the TU sends
    /// an ACK for a 2xx straight to the transport (§17.1.1.2).
    /// </summary>
    /// <exception cref="ArgumentException">The request is an INVITE or an ACK, or its top Via has no RFC 3261 branch (§8.1.1.7).</exception>
    /// <exception cref="InvalidOperationException">A client transaction with the same branch and method is running.</exception>
    public ClientNonInviteTransaction SendRequest(SipRequest request, SipHop destination)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == SipMethod.Invite || request.Method == SipMethod.Ack)
            throw new ArgumentException("INVITE uses SendInvite; an ACK is sent without a transaction (RFC 3261 §17.1.1.2).", nameof(request));
        var transaction = new ClientNonInviteTransaction(request, destination, _context);
        StartClient(transaction);
        return transaction;
    }

    /// <inheritdoc />
    public void OnResponse(SipResponse response, SipHop source)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (_client.TryGetValue(ClientTransactionKey.For(response), out var transaction))
        {
            transaction.ReceiveResponse(response);
            return;
        }
        // §17.1.3 / RFC 6026 §7.2: no match; the core decides (a UA core takes stray 2xx to INVITE).
        CallUser(user => user.OnStrayResponse(response, source), nameof(ISipTransactionUser.OnStrayResponse));
    }

    /// <inheritdoc />
    public void OnRequest(SipRequest request, SipHop source)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Via.HasRfc3261Branch) OnRfc3261Request(request, source);
        else OnRfc2543Request(request, source);
    }

    /// <inheritdoc />
    public void OnTransportError(SipMessage message, SipHop destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        SipTransaction? transaction = message switch
        {
            SipRequest => _client.TryGetValue(ClientTransactionKey.For(message), out var client) ? client : null,
            SipResponse => _server.TryGetValue(ServerTransactionKey.For(message, message.CSeq.Method), out var server) ? server : null,
            _ => null,
        };
        if (transaction is null)
        {
            // A response of an RFC 2543 server transaction cannot be keyed back (it lacks the
            // Request-URI); such a transaction still ends by its timers.
            TransactionLog.UnmatchedTransportError(_logger, destination);
            return;
        }
        transaction.ReceiveTransportError();
    }

    private void OnRfc3261Request(SipRequest request, SipHop source)
    {
        var method = request.Method;
        if (method == SipMethod.Ack)
        {
            // §17.2.3: an ACK matches its INVITE's transaction: absorbed there for a 300-699,
            // passed to the TU in Accepted (RFC 6026 §7.1). An ACK for a 2xx normally has a
            // branch of its own (§13.2.2.4) and goes straight to the TU.
            if (_server.TryGetValue(ServerTransactionKey.For(request, SipMethod.Invite), out var match) && match is ServerInviteTransaction invite)
                invite.ReceiveAck(request, source);
            else
                CallUser(user => user.OnAck(request, source, null), nameof(ISipTransactionUser.OnAck));
            return;
        }
        var key = ServerTransactionKey.For(request, method);
        if (_server.TryGetValue(key, out var existing))
        {
            existing.ReceiveRetransmission(request);
            return;
        }
        var transaction = CreateServer(request, source);
        transaction.IndexKey = key;
        if (!_server.TryAdd(key, transaction))
        {
            // The same request arrived twice at once: the other copy created the transaction.
            if (_server.TryGetValue(key, out existing)) existing.ReceiveRetransmission(request);
            return;
        }
        transaction.Start();
        Deliver(transaction, () => _server.TryGetValue(ServerTransactionKey.For(request, SipMethod.Invite), out var invite) ? invite as ServerInviteTransaction : null);
    }

    private void OnRfc2543Request(SipRequest request, SipHop source)
    {
        var method = request.Method;
        if (method == SipMethod.Ack)
        {
            // §17.2.3: for an RFC 2543 ACK the To tag must equal that of the response sent.
            if (_rfc2543.TryGetValue(Rfc2543TransactionKey.For(request, SipMethod.Invite), out var match)
                && match is ServerInviteTransaction invite && invite.FinalResponseToTag == request.To.Tag)
                invite.ReceiveAck(request, source);
            else
                CallUser(user => user.OnAck(request, source, null), nameof(ISipTransactionUser.OnAck));
            return;
        }
        var key = Rfc2543TransactionKey.For(request, method);
        if (_rfc2543.TryGetValue(key, out var existing) && existing.Request.To.Tag == request.To.Tag)
        {
            existing.ReceiveRetransmission(request);
            return;
        }
        var transaction = CreateServer(request, source);
        if (existing is null)
        {
            transaction.IndexKey = key;
            if (!_rfc2543.TryAdd(key, transaction))
            {
                if (_rfc2543.TryGetValue(key, out existing)) existing.ReceiveRetransmission(request);
                return;
            }
        }
        // Otherwise only the To tag differs from an indexed request: a different transaction
        // that cannot share the key; it runs unindexed and its retransmissions are new requests.
        transaction.Start();
        Deliver(transaction, () =>
            _rfc2543.TryGetValue(Rfc2543TransactionKey.For(request, SipMethod.Invite), out var invite) && invite.Request.To.Tag == request.To.Tag
                ? invite as ServerInviteTransaction
                : null);
    }

    private SipServerTransaction CreateServer(SipRequest request, SipHop source) =>
        request.Method == SipMethod.Invite
            ? new ServerInviteTransaction(request, source, _context)
            : new ServerNonInviteTransaction(request, source, _context);

    /// <summary>Hands a new server transaction to the TU; a CANCEL together with the INVITE transaction it matches (§9.2).</summary>
    private void Deliver(SipServerTransaction transaction, Func<ServerInviteTransaction?> findCancelledInvite)
    {
        if (transaction.Method == SipMethod.Cancel)
        {
            var invite = findCancelledInvite();
            CallUser(user => user.OnCancel((ServerNonInviteTransaction)transaction, invite), nameof(ISipTransactionUser.OnCancel));
        }
        else
        {
            CallUser(user => user.OnRequest(transaction), nameof(ISipTransactionUser.OnRequest));
        }
    }

    private void StartClient(SipClientTransaction transaction)
    {
        if (!transaction.Request.Via.HasRfc3261Branch)
            throw new ArgumentException("The top Via needs a branch starting with z9hG4bK (RFC 3261 §8.1.1.7).", nameof(transaction));
        var key = ClientTransactionKey.For(transaction.Request);
        transaction.IndexKey = key;
        if (!_client.TryAdd(key, transaction))
            throw new InvalidOperationException($"A {key.Method} client transaction with branch {key.Branch} is already running (RFC 3261 §17.1.3).");
        transaction.Start();
    }

    /// <summary>Called by a transaction entering Terminated: it leaves the index (only if it is still the entry under its key).</summary>
    private void Remove(SipTransaction transaction)
    {
        switch (transaction.IndexKey)
        {
            case ClientTransactionKey key:
                _client.TryRemove(new KeyValuePair<ClientTransactionKey, SipClientTransaction>(key, (SipClientTransaction)transaction));
                break;
            case ServerTransactionKey key:
                _server.TryRemove(new KeyValuePair<ServerTransactionKey, SipServerTransaction>(key, (SipServerTransaction)transaction));
                break;
            case Rfc2543TransactionKey key:
                _rfc2543.TryRemove(new KeyValuePair<Rfc2543TransactionKey, SipServerTransaction>(key, (SipServerTransaction)transaction));
                break;
        }
    }

    private void CallUser(Action<ISipTransactionUser> callback, string name)
    {
        try
        {
            callback(_user);
        }
#pragma warning disable CA1031 // a TU that throws must not break the transport's receive loop
        catch (Exception exception)
#pragma warning restore CA1031
        {
            TransactionLog.UserThrew(_logger, exception, name);
        }
    }
}
