/**
 * The public EcsSimulator: the control plane of `src/ecs` plus its protocol shells, so that
 * `new ECSClient({ requestHandler: sim.sdkHandler() })` and `sim.listen()` work on any instance.
 */
import { stringArgument } from '../ecs/arguments.js';
import { EcsSimulator as ControlPlane } from '../ecs/simulator.js';
import { SimEndpoint, type EndpointOptions } from './http-endpoint.js';
import { simulatorIn } from './regions.js';
import { requestOptions } from './ecs-request.js';
import { createSdkHandler, type SdkHandlerOptions } from './sdk-handler.js';

export class EcsSimulator extends ControlPlane {
  /**
   * A request handler for `@aws-sdk/client-ecs`: the SDK client talks to this simulator in process.
   * A client configured for another region talks to `sim.inRegion(thatRegion)`.
   * @example new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'root', secretAccessKey: 'x' }, requestHandler: sim.sdkHandler() })
   */
  sdkHandler(options?: SdkHandlerOptions): ReturnType<typeof createSdkHandler> {
    return createSdkHandler(this, requestOptions('sdkHandler', options));
  }

  /**
   * Serves this simulator as an ECS endpoint on loopback; resolves to the endpoint and its URL.
   * Requests signed for another region are served by `sim.inRegion(thatRegion)`.
   * @example const { url, endpoint } = await sim.listen({ port: 0 }); … await endpoint.close();
   */
  async listen(options?: EndpointOptions): Promise<{ url: string; endpoint: SimEndpoint }> {
    const endpoint = new SimEndpoint(this, options);
    return { url: await endpoint.listen(), endpoint };
  }

  /**
   * The same account in another region: its own clusters, instances and tasks, ARNs naming that
   * region. Made on first use with this simulator's options (clock at this one's time), and the
   * one that `sdkHandler()` and `listen()` serve to clients configured for that region.
   * @example sim.inRegion('us-east-2').createCluster({ clusterName: 'east' }) // ARN arn:aws:ecs:us-east-2:…
   */
  inRegion(region: string): this {
    return simulatorIn(this, stringArgument('inRegion', 'region', region));
  }
}
