using System.Diagnostics;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Utilities;

namespace Memento.Tests.GraphQL.Introspection;

/// <summary>
/// The reference client accepts our introspection: graphql-js (the npm package, from the repository's
/// node_modules) builds a client schema from it, validates it, and prints exactly what our SchemaPrinter prints.
/// </summary>
public class ReferenceClientTests
{
    private const string RichSdl = """
        "The Memento test schema."
        schema {
          query: Query
          mutation: Mutation
        }

        "An instant, as RFC 3339 text."
        scalar DateTime @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339")

        scalar JSON

        "Anything with an id."
        interface Node {
          id: ID!
        }

        "Something made by someone."
        interface Authored implements Node {
          id: ID!
          author: User
          createdAt: DateTime
        }

        type User implements Node {
          id: ID!
          "Display name."
          name: String!
          role: Role!
          legacyName: String @deprecated(reason: "Use `name`.")
        }

        type Image implements Authored & Node {
          id: ID!
          author: User
          createdAt: DateTime
          width: Int!
          channels(first: Int = 10, names: [String!] = ["DAPI", "GFP"]): [String!]!
          thumbnail(size: Int = 256 @deprecated(reason: "Sizes are fixed now."), format: Format = PNG): String
          metadata: JSON
        }

        type Comment implements Authored & Node {
          id: ID!
          author: User
          createdAt: DateTime
          text: String!
        }

        "What search can find."
        union SearchResult = Image | Comment | User

        enum Role {
          "Reads only."
          VIEWER
          ANNOTATOR
          OWNER @deprecated(reason: "Use MANAGER.")
          MANAGER
        }

        enum Format {
          PNG
          JPEG
        }

        "Exactly one way to find an image."
        input ImageRef @oneOf {
          id: ID
          path: String
        }

        input CommentInput {
          image: ImageRef!
          text: String! = "(empty)"
          tags: [String!] = []
          pinned: Boolean = false
          visibility: Role = VIEWER
          "Old flag."
          flagged: Boolean @deprecated(reason: "Unused.")
        }

        type Query {
          node(id: ID!): Node
          search(text: String!, limit: Int = 20): [SearchResult!]!
          images(ids: [ID!], after: DateTime): [Image!]!
        }

        type Mutation {
          addComment(input: CommentInput!): Comment
        }
        """;

    [Fact]
    public async Task Graphql_js_builds_validates_and_prints_our_introspection_as_our_printer_does()
    {
        var schema = SchemaBuilder.BuildSchema(RichSdl);
        var query = await RunNodeAsync("""
            import { getIntrospectionQuery } from 'graphql';
            process.stdout.write(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true,
              schemaDescription: true, inputValueDeprecation: true, oneOf: true }));
            """);

        var result = await new GraphQLExecutor().ExecuteAsync(new ExecutionRequest { Schema = schema, Query = query });
        Assert.Null(result.Errors);
        var introspection = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(introspection, result.ToJson());
            var printed = await RunNodeAsync("""
                import { readFileSync } from 'node:fs';
                import { buildClientSchema, assertValidSchema, printSchema } from 'graphql';
                const { data } = JSON.parse(readFileSync(process.argv[1], 'utf8'));
                const client = buildClientSchema(data);
                assertValidSchema(client);
                process.stdout.write(printSchema(client));
                """, introspection);
            Assert.Equal(SchemaPrinter.Print(schema), printed);
        }
        finally
        {
            File.Delete(introspection);
        }
    }

    /// <summary>Runs an ES module with node from the repository root, where `npm ci` installs graphql.</summary>
    private static async Task<string> RunNodeAsync(string script, params string[] arguments)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--input-type=module", "-e", script }.Concat(arguments)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(process.ExitCode == 0, "node failed: " + await error);
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Memento.sln")))
            {
                // Never skipped: without the reference implementation this check would prove nothing.
                Assert.True(Directory.Exists(Path.Combine(dir.FullName, "node_modules", "graphql")),
                    $"The graphql npm package is missing: run `npm ci` in {dir.FullName}.");
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Memento.sln not found above " + AppContext.BaseDirectory);
    }
}
