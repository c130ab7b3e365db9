using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage.Neo4j;

namespace Lineage.Graph.Tests.Neo4j;

/// <summary>The Cypher client against a scripted server: discovery, retries of transient errors only, and error classes.</summary>
public sealed class CypherClientTests
{
    private const string Root = """{"transaction": "http://neo4j.test/db/{databaseName}/tx", "neo4j_version": "5.26.0"}""";
    private const string Ok = """{"results": [{"columns": ["x"], "data": [{"row": [42], "meta": [null]}]}], "errors": []}""";
    private static readonly CypherStatement Statement = new("test/statement", "RETURN $x AS x", new JsonObject { ["x"] = 42 });

    private sealed class ScriptedServer(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
    {
        private int _next;
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath} {request.Headers.Authorization}");
            var (status, body) = answers[Math.Min(_next++, answers.Length - 1)];
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private static CypherClient Client(ScriptedServer server, string user = "") =>
        new(new Neo4jOptions { Uri = "http://neo4j.test", User = user, Password = "secret", Database = "graph", RetryBudget = TimeSpan.FromSeconds(2) }, server);

    [Fact]
    public async Task it_discovers_the_transaction_endpoint_and_version_of_a_5x_server()
    {
        var server = new ScriptedServer((HttpStatusCode.OK, Root), (HttpStatusCode.OK, Ok));
        using var client = Client(server, user: "neo4j");

        var results = await client.RunAsync([Statement], CancellationToken.None);

        results[0].Rows[0][0]!.GetValue<int>().ShouldBe(42);
        client.ServerVersion.ShouldBe("5.26.0");
        server.Requests[1].ShouldStartWith("POST /db/graph/tx/commit Basic ");
    }

    [Fact]
    public async Task it_finds_a_3x_server_transaction_endpoint_under_db_data()
    {
        var server = new ScriptedServer(
            (HttpStatusCode.OK, """{"data": "http://neo4j.test/db/data/", "management": "http://neo4j.test/db/manage/"}"""),
            (HttpStatusCode.OK, """{"transaction": "http://neo4j.test/db/data/transaction", "neo4j_version": "3.1.1"}"""),
            (HttpStatusCode.OK, Ok));
        using var client = Client(server);

        (await client.MajorVersionAsync(CancellationToken.None)).ShouldBe(3);
        await client.RunAsync([Statement], CancellationToken.None);
        server.Requests[2].ShouldStartWith("POST /db/data/transaction/commit");
    }

    [Fact]
    public async Task transient_errors_are_retried_until_the_statement_succeeds()
    {
        var server = new ScriptedServer(
            (HttpStatusCode.OK, Root),
            (HttpStatusCode.OK, """{"results": [], "errors": [{"code": "Neo.TransientError.Transaction.DeadlockDetected", "message": "deadlock"}]}"""),
            (HttpStatusCode.ServiceUnavailable, "busy"),
            (HttpStatusCode.OK, Ok));
        using var client = Client(server);

        var results = await client.RunAsync([Statement], CancellationToken.None);

        results[0].Rows.Count.ShouldBe(1);
        server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task a_client_error_is_not_retried_and_names_the_failing_statement()
    {
        var server = new ScriptedServer(
            (HttpStatusCode.OK, Root),
            (HttpStatusCode.OK, """{"results": [], "errors": [{"code": "Neo.ClientError.Statement.SyntaxError", "message": "bad"}]}"""));
        using var client = Client(server);

        var error = await Should.ThrowAsync<CypherException>(() => client.RunAsync([Statement], CancellationToken.None));

        error.Code.ShouldBe("Neo.ClientError.Statement.SyntaxError");
        error.Message.ShouldContain("test/statement");
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task refused_credentials_are_unavailable_and_not_retriable()
    {
        var server = new ScriptedServer((HttpStatusCode.Unauthorized, """{"errors": []}"""));
        using var client = Client(server, user: "neo4j");

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => client.RunAsync([Statement], CancellationToken.None));

        error.IsRetriable.ShouldBeFalse();
        error.Message.ShouldContain("credentials");
    }

    [Fact]
    public async Task a_server_that_stays_down_gives_up_within_the_retry_budget()
    {
        var server = new ScriptedServer((HttpStatusCode.BadGateway, "down"));
        using var client = Client(server);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => client.RunAsync([Statement], CancellationToken.None));

        error.IsRetriable.ShouldBeTrue();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task a_server_that_takes_the_connection_and_never_answers_is_unavailable_after_the_request_time_out()
    {
        // A frozen Neo4j (a long GC pause, a hung disk): the socket is accepted, the answer never comes.
        using var frozen = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        frozen.Start();
        var held = new List<System.Net.Sockets.TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try { while (true) held.Add(await frozen.AcceptTcpClientAsync()); }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException) { }
        });
        var port = ((IPEndPoint)frozen.LocalEndpoint).Port;
        using var client = new CypherClient(new Neo4jOptions
        {
            Uri = $"http://127.0.0.1:{port}",
            RequestTimeout = TimeSpan.FromMilliseconds(300),
            RetryBudget = TimeSpan.FromSeconds(1),
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => client.RunAsync([Statement], CancellationToken.None));

        error.IsRetriable.ShouldBeTrue();
        error.Message.ShouldContain("did not answer within 0.3 s (Lineage:Neo4j:RequestTimeout)");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        frozen.Stop();
        await accepting;
        foreach (var connection in held) connection.Dispose();
    }
}
