/**
 * Hourly on-demand prices (USD) of the catalogue's types: us-east-1 (N. Virginia), Linux, shared
 * tenancy — the default price table of a capacity plan. Users pass their own (`options.prices`).
 *
 * Source: the ec2instances.info table ("Linux On Demand cost", monthly = hourly × 730) as copied
 * in github.com/AjitTK/aws-emr-configuration `index.js`, divided by 730. That copy is undated and
 * later than June 2019 (it lists c5.12xlarge, from November 2019); no dated June 2019 list was
 * found. Every figure below matches the us-east-1 price each type launched at (m5/c5 2017, r5/a1/
 * t3 2018, p3 2017, g3s 2017) — AWS made no on-demand price change to these types in us-east-1 in
 * 2019 to this project's knowledge — so they are taken as the June 2019 prices [INF].
 */
export const JUNE_2019_US_EAST_1_LINUX: Readonly<Record<string, number>> = Object.freeze({
  't2.small': 0.023, 't2.medium': 0.0464, 't2.large': 0.0928,
  't3.medium': 0.0416, 't3.large': 0.0832, 't3.xlarge': 0.1664,
  'm4.large': 0.1, 'm4.xlarge': 0.2, 'm4.2xlarge': 0.4,
  'm5.large': 0.096, 'm5.xlarge': 0.192, 'm5.2xlarge': 0.384, 'm5.4xlarge': 0.768,
  'c4.large': 0.1, 'c4.xlarge': 0.199,
  'c5.large': 0.085, 'c5.xlarge': 0.17, 'c5.2xlarge': 0.34, 'c5.4xlarge': 0.68,
  'r4.large': 0.133, 'r4.xlarge': 0.266,
  'r5.large': 0.126, 'r5.xlarge': 0.252, 'r5.2xlarge': 0.504,
  'a1.large': 0.051, 'a1.xlarge': 0.102,
  'p2.xlarge': 0.9, 'p3.2xlarge': 3.06, 'p3.8xlarge': 12.24,
  'g3s.xlarge': 0.75, 'g3.4xlarge': 1.14,
});
