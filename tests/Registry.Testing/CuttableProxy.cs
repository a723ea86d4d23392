using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Registry.Testing;

/// <summary>
/// A TCP relay on a loopback port to a database server, for outage tests that must not touch the shared server:
/// <see cref="Cut"/> resets every relayed connection and refuses new ones, as a stopped server would;
/// <see cref="Restore"/> relays again.
/// </summary>
public sealed class CuttableProxy : IAsyncDisposable
{
    private readonly DnsEndPoint _target;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<Socket, Socket> _relayed = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private volatile bool _cut;

    public CuttableProxy(string host, int port)
    {
        _target = new DnsEndPoint(host, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Every open connection is reset and every new one refused until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var (client, server) in _relayed)
        {
            Reset(client);
            Reset(server);
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(_stopping.Token); }
            catch (Exception) when (_stopping.IsCancellationRequested) { return; }
            if (_cut)
            {
                Reset(client);
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await server.ConnectAsync(_target, _stopping.Token);
        }
        catch (Exception)
        {
            Reset(client);
            server.Dispose();
            return;
        }
        _relayed[client] = server;
        try
        {
            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        }
        finally
        {
            _relayed.TryRemove(client, out _);
            Reset(client);
            Reset(server);
        }
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
                if (read == 0 || _cut) return;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stopping.Token);
            }
        }
        catch (Exception)
        {
            // A reset or a stop ends the relay; both ends are reset by the caller.
        }
    }

    /// <summary>Closes with a reset (no orderly FIN), as a vanished server does.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception)
        {
            // Already closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stopping.Dispose();
    }
}
