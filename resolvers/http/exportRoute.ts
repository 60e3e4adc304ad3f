// GET /export?ids=…&depth=…&maxNodes=…&types=…&at=…&format=graphml|gexf|cyjs — a subgraph as a file, with the
// same caps and errors as the GraphQL `subgraph` field.
import type express from 'express';
import { DomainError, ErrorCode } from '../../graph/errors';
import type { GraphExecutor } from '../../graph/executor';
import { exportSubgraph, parseExportRequest } from '../../graph/export/request';
import type { Logger } from '../../graph/logger';
import { recordOf } from './requestLog';

export function mountExport(app: express.Express, executor: GraphExecutor, log: Logger): void {
  app.get('/export', async (req, res) => {
    const record = recordOf(res);
    if (record !== undefined) record.operation = 'export';
    try {
      const result = await exportSubgraph(
        executor,
        parseExportRequest(req.query as Record<string, string | string[]>),
      );
      res.setHeader('Content-Type', result.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${result.filename}"`);
      res.setHeader('X-Subgraph-Nodes', String(result.nodes));
      res.setHeader('X-Subgraph-Edges', String(result.edges));
      res.setHeader('X-Subgraph-Truncated', String(result.truncated));
      res.send(result.body);
      if (record !== undefined) record.outcome = 'ok';
    } catch (e) {
      if (e instanceof DomainError) {
        if (record !== undefined) record.outcome = e.code;
        const status =
          e.code === ErrorCode.NotFound ? 404 : e.code === ErrorCode.ServiceUnavailable ? 503 : 400;
        res.status(status).json({ errors: [{ message: e.message, extensions: { code: e.code } }] });
        return;
      }
      if (record !== undefined) record.outcome = ErrorCode.Internal;
      log.error(`Export failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      res.status(500).json({
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    }
  });
}
