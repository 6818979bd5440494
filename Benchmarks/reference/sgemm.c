/* OpenBLAS sgemm throughput and the kernel set it chose (BENCHMARKS.md).
 *
 *   gcc -O2 Benchmarks/reference/sgemm.c -o /tmp/sgemm \
 *       -I/usr/include/x86_64-linux-gnu/openblas-pthread -lopenblas
 *   /tmp/sgemm; OPENBLAS_NUM_THREADS=1 /tmp/sgemm
 *   OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 /tmp/sgemm
 */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
char* openblas_get_corename(void);
int main(){ int n=2000; float*a=malloc(4*n*n),*b=malloc(4*n*n),*c=malloc(4*n*n);
for(int i=0;i<n*n;i++){a[i]=1.0f/(i%7+1);b[i]=1.0f/(i%5+1);}
struct timespec t0,t1; cblas_sgemm(CblasRowMajor,CblasNoTrans,CblasNoTrans,n,n,n,1,a,n,b,n,0,c,n);
clock_gettime(CLOCK_MONOTONIC,&t0); for(int r=0;r<3;r++) cblas_sgemm(CblasRowMajor,CblasNoTrans,CblasNoTrans,n,n,n,1,a,n,b,n,0,c,n);
clock_gettime(CLOCK_MONOTONIC,&t1); double s=(t1.tv_sec-t0.tv_sec)+(t1.tv_nsec-t0.tv_nsec)/1e9;
printf("core %s: %.1f GFLOP/s\n", openblas_get_corename(), 3*2.0*n*n*n/s/1e9); return 0;}
