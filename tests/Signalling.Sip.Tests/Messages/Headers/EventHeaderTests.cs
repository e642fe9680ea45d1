using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;
using static Signalling.Sip.Tests.Messages.Headers.HeaderTestMessages;

namespace Signalling.Sip.Tests.Messages.Headers;

/// <summary>Event and Subscription-State (RFC 6665 §8.2.1, §8.2.3).</summary>
public sealed class EventHeaderTests
{
    [Fact]
    public void Event_with_id_decodes()
    {
        // RFC 6665 §8.2.1 / §7.2 example: "Event: foo; id=1234"
        var ev = Parse<EventHeader>("foo; id=1234");
        Assert.True(ev.EventType.Equals("foo"u8));
        Assert.True(ev.Package.Equals("foo"u8));
        Assert.True(ev.Templates.IsEmpty);
        Assert.True(ev.HasId);
        Assert.True(ev.Id.Equals("1234"u8));
        Assert.Equal("foo; id=1234", ev.ToString());
    }

    [Fact]
    public void Event_templates_are_split_from_the_package()
    {
        // RFC 6665 §8.2.1 template packages, e.g. presence.winfo (RFC 3857).
        var ev = Parse<EventHeader>("presence.winfo.foo ;\r\n x=\"a;b\"");
        Assert.True(ev.Package.Equals("presence"u8));
        Assert.True(ev.Templates.Equals("winfo.foo"u8));
        Assert.False(ev.HasId);
        Assert.True(ev.Parameters.TryGetValue("X"u8, out var x) && x.Equals("\"a;b\""u8));
    }

    [Fact]
    public void Event_matching_follows_rfc6665()
    {
        // RFC 6665 §8.2.1: "foo; id=1234" matches "foo; param=abcd; id=1234" but not "Foo; id=1234".
        var a = Parse<EventHeader>("foo; id=1234");
        Assert.True(a.Matches(Parse<EventHeader>("foo; param=abcd; id=1234")));
        Assert.False(a.Matches(Parse<EventHeader>("Foo; id=1234")));
        Assert.False(a.Matches(Parse<EventHeader>("foo")));
        Assert.True(Parse<EventHeader>("foo").Matches(Parse<EventHeader>("foo;x=1")));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".foo")]
    [InlineData("foo.")]
    [InlineData("foo..bar")]
    [InlineData("foo bar")]
    [InlineData("foo;id")]
    [InlineData("foo;id=\"1234\"")]
    [InlineData("foo;;id=1")]
    [InlineData("f@o")]
    public void Event_rejects_malformed_values(string text) => Assert.False(TryParse<EventHeader>(text, out _));

    [Theory]
    // RFC 6665 §8.2.3 / §4.2.2 examples.
    [InlineData("active;expires=60", true, false, false, 60u)]
    [InlineData("pending;expires=600", false, true, false, 600u)]
    [InlineData("ACTIVE ; expires = 3600", true, false, false, 3600u)]
    public void Subscription_State_decodes_state_and_expires(string text, bool active, bool pending, bool terminated, uint expires)
    {
        var state = Parse<SubscriptionStateHeader>(text);
        Assert.Equal(active, state.IsActive);
        Assert.Equal(pending, state.IsPending);
        Assert.Equal(terminated, state.IsTerminated);
        Assert.Equal(expires, state.Expires);
        Assert.Null(state.RetryAfter);
        Assert.Equal(text, state.ToString());
    }

    [Fact]
    public void Subscription_State_terminated_carries_reason_and_retry_after()
    {
        var state = Parse<SubscriptionStateHeader>("terminated;reason=probation;retry-after=\r\n 30");
        Assert.True(state.IsTerminated);
        Assert.True(state.Reason.Equals("probation"u8));
        Assert.Equal(30u, state.RetryAfter);
        Assert.Null(state.Expires);
    }

    [Fact]
    public void Subscription_State_keeps_extension_states_and_parameters()
    {
        var state = Parse<SubscriptionStateHeader>("waiting;foo=\"bar, baz\"");
        Assert.False(state.IsActive || state.IsPending || state.IsTerminated);
        Assert.True(state.State.Equals("waiting"u8));
        Assert.True(state.Parameters.TryGetValue("foo"u8, out var foo) && foo.Equals("\"bar, baz\""u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData(";expires=5")]
    [InlineData("active;expires=soon")]
    [InlineData("active;expires")]
    [InlineData("terminated;retry-after=-1")]
    [InlineData("terminated;reason=\"timeout\"")]
    [InlineData("active expires=5")]
    [InlineData("active;expires=99999999999")]
    public void Subscription_State_rejects_malformed_values(string text) => Assert.False(TryParse<SubscriptionStateHeader>(text, out _));

    [Fact]
    public void A_NOTIFY_carries_Event_and_Subscription_State()
    {
        // "o" is the compact form of Event (RFC 6665 §8.2.1).
        var notify = Request("NOTIFY", "o: presence;id=7\r\nSubscription-State: active;expires=599\r\nAllow-Events: presence, dialog");
        Assert.True(notify.Headers.GetValues<EventHeader>(KnownHeader.Event).TryGetFirst(out var ev));
        Assert.True(ev.Package.Equals("presence"u8));
        Assert.True(ev.Id.Equals("7"u8));
        Assert.True(notify.Headers.GetValues<SubscriptionStateHeader>(KnownHeader.SubscriptionState).TryGetFirst(out var state));
        Assert.True(state.IsActive);
        Assert.Equal(599u, state.Expires);
    }
}
