/**
 * Assembles the HTTP server: schemas, OpenAPI docs, auth, error handling,
 * the API routes and the builder UI.
 */
import fs from 'node:fs';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
} from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { activityRoutes } from '../routes/activity-routes.js';
import { changeRoutes } from '../routes/change-routes.js';
import { channelConfigRoutes } from '../routes/channel-config-routes.js';
import { deliveryRoutes } from '../routes/delivery-routes.js';
import { webhookRoutes } from '../routes/webhook-routes.js';
import { connectorRoutes } from '../routes/connector-routes.js';
import { conversationRoutes } from '../routes/conversation-routes.js';
import { conversationStreamRoutes } from '../routes/conversation-stream-routes.js';
import { customerRoutes } from '../routes/customer-routes.js';
import { dryRunRoutes } from '../routes/dry-run-routes.js';
import { flowRoutes } from '../routes/flow-routes.js';
import { healthRoutes } from '../routes/health-routes.js';
import { objectTypeRoutes } from '../routes/object-type-routes.js';
import { recordRoutes } from '../routes/record-routes.js';
import { templateRoutes } from '../routes/template-routes.js';
import { testSendRoutes } from '../routes/test-send-routes.js';
import { auditRoutes } from '../routes/audit-routes.js';
import { customerPrivacyRoutes } from '../routes/customer-privacy-routes.js';
import { rolloutRoutes } from '../routes/rollout-routes.js';
import { sessionRoutes } from '../routes/session-routes.js';
import { userRoutes } from '../routes/user-routes.js';
import type { AppContext } from './app-context.js';

/**
 * Longest path parameter the router accepts; above the longest id a
 * schema allows (record ids: 128), so every valid id is reachable.
 */
const MAX_PARAM_LENGTH = 256;
import { installAuditTrail } from './audit-trail.js';
import { installAuth } from './auth.js';
import { answerFrameworkError, installErrorHandler } from './error-handler.js';
import { DEFAULT_MAX_INPUT_DEPTH } from './input-check.js';
import { installInputGuard } from './input-guard.js';
import { installRateLimits } from './rate-limits.js';
import { installSecurityHeaders } from './security-headers.js';

/** Builds (but does not start) Herald's HTTP server. */
export async function buildApp(context: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the generics disagree.
    loggerInstance: context.log as FastifyBaseLogger,
    bodyLimit: context.bodyLimit,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Bad URLs fail in the router, before the error handler exists.
    frameworkErrors: answerFrameworkError,
    // Per-request lines would drown the pipeline's own info logs.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy:
      context.access.trustedProxies.length > 0
        ? context.access.trustedProxies
        : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputGuard(app, context.maxInputDepth ?? DEFAULT_MAX_INPUT_DEPTH);
  await app.register(fastifyCookie);
  installSecurityHeaders(app);
  installAuth(app, context);
  installRateLimits(app, context.access);
  installAuditTrail(app, context);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Herald API', version: '0.1.0' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'herald_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  for (const routes of [
    healthRoutes,
    objectTypeRoutes,
    customerRoutes,
    recordRoutes,
    dryRunRoutes,
    connectorRoutes,
    templateRoutes,
    testSendRoutes,
    flowRoutes,
    activityRoutes,
    changeRoutes,
    sessionRoutes,
    userRoutes,
    auditRoutes,
    rolloutRoutes,
    customerPrivacyRoutes,
    channelConfigRoutes,
    deliveryRoutes,
    conversationRoutes,
    conversationStreamRoutes,
  ]) {
    await app.register(routes(context));
  }
  // Provider webhooks parse raw bodies in their own scope.
  await app.register(webhookRoutes(context));

  if (context.uiDir && fs.existsSync(context.uiDir)) {
    await app.register(fastifyStatic, { root: context.uiDir, prefix: '/' });
  }

  return app;
}
