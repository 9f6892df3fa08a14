/**
 * The public EcsSimulator: the control plane of `src/ecs` plus its protocol shells, so that
 * `new ECSClient({ requestHandler: sim.sdkHandler() })` and `sim.listen()` work on any instance.
 */
import { EcsSimulator as ControlPlane } from '../ecs/simulator.js';
import { SimEndpoint, type EndpointOptions } from './http-endpoint.js';
import { createSdkHandler, type SdkHandlerOptions } from './sdk-handler.js';

export class EcsSimulator extends ControlPlane {
  /**
   * A request handler for `@aws-sdk/client-ecs`: the SDK client talks to this simulator in process.
   * @example new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'root', secretAccessKey: 'x' }, requestHandler: sim.sdkHandler() })
   */
  sdkHandler(options?: SdkHandlerOptions): ReturnType<typeof createSdkHandler> {
    return createSdkHandler(this, options);
  }

  /**
   * Serves this simulator as an ECS endpoint on loopback; resolves to the endpoint and its URL.
   * @example const { url, endpoint } = await sim.listen({ port: 0 }); … await endpoint.close();
   */
  async listen(options?: EndpointOptions): Promise<{ url: string; endpoint: SimEndpoint }> {
    const endpoint = new SimEndpoint(this, options);
    return { url: await endpoint.listen(), endpoint };
  }
}
